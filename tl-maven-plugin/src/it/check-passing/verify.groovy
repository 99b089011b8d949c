def log = new File(basedir, 'build.log').text
assert log.contains('PASS every scheme ran once: table2.scheme1.runs = 1.0000 (minimum 1.0)')
assert log.contains('PASS accuracy is a percentage: table2.scheme4.mean = ')
assert log.contains('the paper: transfer (Scheme 4) beats Scheme 1 by 6.76 points: table2.scheme4.mean - table2.scheme1.mean = ')
assert log.contains('[reported, not enforced]')
assert log.contains('All 3 rules are met') || log.contains('BUILD SUCCESS')
return true
