def server = context.get('server')
server?.close()
def log = new File(basedir, 'build.log').text
assert log.contains('Downloading http://tl-data.invalid/files/cell_images.zip')
assert log.contains('through the http proxy 127.0.0.1:' + server.port())
assert log.contains('Downloaded tiny-keras-cnn.h5')
assert log.contains('Embedding 80 images (0 from the cache')
def proxied = server.proxied()*.toString()
assert proxied.contains('http://tl-data.invalid/files/cell_images.zip')
assert proxied.contains('http://tl-model.invalid/files/tiny-keras-cnn.h5')
assert new File(basedir, 'target/tl/cluster/cluster.json').exists()
return true
