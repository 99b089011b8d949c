// bad values of tl:train's and tl:prepare's properties fail the first goal, tl:prepare, before any work, each named
// with its value and its range
def log = new File(basedir, 'build.log').text
assert log.contains('tl:prepare failed: ')
assert log.contains('tl.epochs=0 is out of range: it must be an integer of at least 1')
assert log.contains('tl.imageSize=8 is out of range: it must be an integer of at least 12')
assert log.contains('tl.trainFraction=1.5 is out of range: it must be a number between 0 and 1')
assert !log.contains('Verifying and resizing images')
assert !new File(basedir, 'target/tl').exists()
return true
