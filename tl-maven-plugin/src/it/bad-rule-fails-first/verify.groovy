// a rule naming a metric that does not exist fails the first goal, before any work (it used to fail in tl:report,
// after training)
def log = new File(basedir, 'build.log').text
assert log.contains("tl:prepare failed: rule 'accuracy of Scheme 4': unknown metric 'table2.scheme4.accuracy'")
assert log.contains('table2.scheme4.mean')
assert !new File(basedir, 'target/tl').exists()
return true
