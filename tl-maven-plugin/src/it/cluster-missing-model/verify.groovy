def log = new File(basedir, 'build.log').text
// the first goal finds that the network cannot be had, before preparing (or downloading) anything
assert log.contains('tl:prepare failed: This input is in neither the mirror folder')
assert log.contains('the embedding network (tl.architecture=keras-model): one of [no-such-model.h5 (SHA-256 ')
assert log.contains('no URL)]')
assert !new File(basedir, 'target/tl/prepare').exists()
assert !new File(basedir, 'target/tl/cluster').exists()
return true
