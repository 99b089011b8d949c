def log = new File(basedir, 'build.log').text
assert log.contains('FAIL ten runs of Scheme 1: table2.scheme1.runs = 1.0000 (minimum 10.0)')
assert log.contains('(tl.haltOnFailure=false: the build goes on)')
assert log.contains('BUILD SUCCESS')
return true
