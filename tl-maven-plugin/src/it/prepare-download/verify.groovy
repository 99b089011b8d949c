context.get('server')?.close()

def log = new File(basedir, 'build.log').text
assert log.contains('Downloading http://127.0.0.1:')
assert log.contains('Downloaded cell_images.zip')
assert log.contains('Prepared 12 images')
def cache = new File(basedir, 'target/cache')
assert new File(cache, 'cell_images.zip').length() == new File(basedir, 'data/cell_images.zip').length()
// nothing else but the folder of partial downloads, now empty of data
assert cache.list().findAll { !it.startsWith('.') } == ['cell_images.zip']
assert new File(cache, '.partial').list().findAll { !it.endsWith('.lock') } == []
return true
