def log = new File(basedir, 'build.log').text
assert log.contains('Skipping tl:cluster (tl.cluster.skip is set)')
assert new File(basedir, 'target/tl/prepare/images.npy').exists()
assert !new File(basedir, 'target/tl/cluster').exists()
return true
