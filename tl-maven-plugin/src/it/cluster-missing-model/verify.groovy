def log = new File(basedir, 'build.log').text
assert log.contains('tl:cluster failed: none of [no-such-model.h5 (no URL)] is in the mirror')
assert new File(basedir, 'target/tl/prepare/images.npy').exists()
assert !new File(basedir, 'target/tl/cluster').exists()
return true
