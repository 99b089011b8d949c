def log = new File(basedir, 'build.log').text
assert log.contains('tl:prepare failed: Maven is offline (-o) and these inputs are in neither the mirror folder')
assert log.contains('the image archive: one of [cell_images.zip (no checksum, from http://127.0.0.1:9/cell_images.zip)]')
assert log.contains('the embedding network (tl.architecture=resnet50): one of '
        + '[resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5 (MD5 a268eb855778b3df3c7506639542a6af, from https://')
assert log.contains('build without -o')
assert !new File(basedir, 'target/tl/prepare').exists()
assert !new File(basedir, 'target/cache').exists()
return true
