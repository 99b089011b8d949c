def log = new File(basedir, 'build.log').text
assert log.count('Prepared 12 images of 50x50x3') == 1
assert log.contains('is up to date (12 images); skipping')
assert log.contains('Preparing the data, because imageSize: 50 -> 32')
assert log.contains('Prepared 12 images of 32x32x3')
return true
