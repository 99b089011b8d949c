context.get('server')?.close()

def log = new File(basedir, 'build.log').text
assert log.contains('is truncated')
// neither the partial download nor a prepared folder is left behind
def cache = new File(basedir, 'target/cache')
assert !cache.exists() || cache.list().length == 0
assert !new File(basedir, 'target/tl/prepare').exists()
return true
