context.get('server')?.close()

def log = new File(basedir, 'build.log').text
assert log.contains('tl:prepare failed: cannot download http://127.0.0.1:')
assert log.contains('the server answered HTTP 404')
assert !new File(basedir, 'target/tl/prepare').exists()
return true
