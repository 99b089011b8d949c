import groovy.json.JsonSlurper

context.get('server')?.close()
def log = new File(basedir, 'build.log').text
def md5 = context.get('userProperties').get('tl.it.md5')

// the first build: the spoiled file downloads (its MD5 is right) and is refused before it embeds anything
assert log.contains('resnet50_weights_spoiled.h5 (MD5 ')
assert log.contains('does not reproduce the committed probe vectors of resnet50')
// the second: fetched by URL into the empty cache, MD5 checked, loaded into tl's own ResNet50, probe reproduced
assert log.contains('Downloading http://127.0.0.1:')
assert log.contains('Downloaded resnet50_weights_tl_test_notop.h5')
assert log.contains('checksum verified: MD5 ' + md5)
assert log.contains('holds weights only: loading them into ResNet50 (ImageNet) as Keras Applications 1.0.8 defines it')
assert log.contains('reproduces the committed probe vectors of ResNet50 (ImageNet)')
// no vector of the refused file was cached: the second build embeds all 80 images again
assert log.count('Embedding 80 images (0 from the cache') == 2

def result = new JsonSlurper().parse(new File(basedir, 'target/tl/cluster/cluster.json'))
assert result.embedding.modelFile == 'resnet50_weights_tl_test_notop.h5'
assert result.embedding.modelMd5 == md5
assert result.embedding.architecture == 'resnet50'
assert result.embedding.dimension == 2048
assert result.embedding.images == 80
assert new File(basedir, 'target/tl/cluster/assignments.tsv').readLines().size() == 81
return true
