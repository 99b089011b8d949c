context.get('server')?.close()

def log = new File(basedir, 'build.log').text
def builds = log.split(/(?=\[INFO\] Scanning for projects)/).findAll { it.startsWith('[INFO] Scanning') }
assert builds.size() == 3
// each fails with the URL, the cause and the way out; with tl.downloadTimeout=10 each ends in bounded time (generous: a loaded CI machine starts Maven slowly)
assert builds[0] =~ /cannot download http:\/\/127\.0\.0\.1:\d+\/silent\/cell_images\.zip: the server did not answer within 10 s/
assert builds[1] =~ /download of http:\/\/127\.0\.0\.1:\d+\/stall\/cell_images\.zip stalled: no byte arrived for 10 s after 1024 of \d+ bytes/
assert builds[2] =~ /download of http:\/\/127\.0\.0\.1:\d+\/endless\/cell_images\.zip was cut off: the server sent more than the limit of 2000000 bytes/
builds.each { assert it.contains('tl.mirror') }
builds.each { b ->
    // Maven prints "12.345 s" or, past a minute, "01:05 min"
    def total = (b =~ /Total time:\s+(?:(\d+):)?([\d.]+) (s|min)/)
    assert total.find()
    def seconds = (total.group(1) ? Integer.parseInt(total.group(1)) * 60 : 0) + Double.parseDouble(total.group(2))
    assert seconds < 180 : 'each build ends in bounded time'
}
// the stalled body is kept to be resumed (build 2); the endless one (build 3, same file name) left nothing
assert builds[1].contains('They are kept in ')
assert !new File(basedir, 'target/cache/.partial/cell_images.zip.partial').exists()
assert !new File(basedir, 'target/cache/cell_images.zip').exists()
assert !new File(basedir, 'target/tl/prepare').exists()
return true
