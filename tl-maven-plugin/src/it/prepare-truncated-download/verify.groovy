def server = context.get('server')
server?.close()

def log = new File(basedir, 'build.log').text
assert log.contains('is truncated')
assert log.contains('run the build again to resume')
assert log.contains('resuming after ')
assert log.contains('Prepared 12 images')
// the second request asked only for the missing bytes
def requests = server.log()
assert requests.size() == 2
assert requests[1].contains('bytes=')
def cache = new File(basedir, 'target/cache')
assert new File(cache, 'cell_images.zip').length() == new File(basedir, 'data/cell_images.zip').length()
assert new File(cache, '.partial').list().findAll { !it.endsWith('.lock') } == []
return true
