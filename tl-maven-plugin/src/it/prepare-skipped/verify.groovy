def log = new File(basedir, 'build.log').text
assert log.contains('Skipping tl:prepare (tl.skip is set)')
assert !new File(basedir, 'target/tl').exists()
return true
