def log = new File(basedir, 'build.log').text
assert log.contains('tl:train failed: there is no clustering in')
assert log.contains('run tl:cluster first')
assert !new File(basedir, 'target/tl/runs').exists()
return true
