def log = new File(basedir, 'build.log').text
assert log.contains('1 of 2 rules met; violated:')
def xml = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/tl/check/TEST-tl-check.xml'))
assert xml.@failures == '1'
assert xml.testcase.find { it.@name == 'ten runs of Scheme 1' }.failure.@message.text().startsWith('FAIL ten runs')
assert log.contains('FAIL ten runs of Scheme 1: table2.scheme1.runs = 1.0000 (minimum 10.0)')
assert log.contains('PASS accuracy is a percentage')
// the results were written before the gate failed
assert new File(basedir, 'target/tl/runs/train.json').exists()
return true
