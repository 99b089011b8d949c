def log = new File(basedir, 'build.log').text
assert log.contains('FAIL ten runs of Scheme 1: table2.scheme1.runs = 1.0000 (minimum 10.0)')
assert log.contains('(tl.haltOnFailure=false: the build goes on)')
// issue 33: maven.test.failure.ignore is honoured as surefire and failsafe honour it
assert log.contains('(maven.test.failure.ignore=true: the build goes on)')
assert log.count('BUILD SUCCESS') == 2
return true
