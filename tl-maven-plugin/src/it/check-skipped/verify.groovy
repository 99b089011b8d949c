def log = new File(basedir, 'build.log').text
assert log.contains('Skipping tl:check (tl.check.skip is set)')
assert new File(basedir, 'target/tl/runs/train.json').exists()
return true
