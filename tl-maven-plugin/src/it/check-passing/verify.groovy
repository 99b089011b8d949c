def log = new File(basedir, 'build.log').text
assert log.contains('PASS every scheme ran once: table2.scheme1.runs = 1.0000 (minimum 1.0)')
assert log.contains('PASS accuracy is a percentage: table2.scheme4.mean = ')
assert log.contains('the paper: transfer (Scheme 4) beats Scheme 1 by 6.76 points: table2.scheme4.mean - table2.scheme1.mean = ')
assert log.contains('[reported, not enforced]')
assert log =~ /2 of 2 rules met; the paper's values reached: [01] of 1/
assert !log.contains('All 3 rules are met')
// the outcomes as JUnit XML, for CI test tabs: a claim that holds passes, one that does not is skipped with its
// value, never a failure; the suite has a timestamp and the build's properties
def xml = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/tl/check/TEST-tl-check.xml'))
assert xml.@tests == '3'
assert xml.@failures == '0'
assert xml.@timestamp.text() ==~ /\d{4}-\d{2}-\d{2}T.*/
assert xml.properties.property.size() > 0
assert xml.properties.property.find { it.@name == 'tl.cache' }.@value == 'target/cache' // relative to the project
def claims = xml.testcase.findAll { it.@classname == 'tl.check.paperClaims' }
assert claims.size() == 1
assert claims.every { it.failure.size() == 0 }
def held = (log =~ /the paper's values reached: 1 of 1/).find()
assert claims[0].skipped.size() == (held ? 0 : 1)
return true
