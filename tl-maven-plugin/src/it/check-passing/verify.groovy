def log = new File(basedir, 'build.log').text
assert log.contains('PASS every scheme ran once: table2.scheme1.runs = 1.0000 (minimum 1.0)')
assert log.contains('PASS accuracy is a percentage: table2.scheme4.mean = ')
assert log.contains('the paper: transfer (Scheme 4) beats Scheme 1 by 6.76 points: table2.scheme4.mean - table2.scheme1.mean = ')
assert log.contains('[reported, not enforced]')
assert log =~ /2 of 2 rules met; paper claims: [01] of 1 hold/
assert !log.contains('All 3 rules are met')
// the outcomes as JUnit XML, for CI test tabs: a claim is a skipped testcase, never a failure
def xml = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/tl/check/TEST-tl-check.xml'))
assert xml.@tests == '3'
assert xml.@failures == '0'
assert xml.testcase.findAll { it.@classname == 'tl.check.paperClaims' }.every { it.skipped.size() == 1 }
return true
