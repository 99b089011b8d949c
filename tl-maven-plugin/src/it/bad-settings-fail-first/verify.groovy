// bad values of tl:train's, tl:cluster's and tl:prepare's properties fail the first goal, tl:prepare, before any work,
// each named with its value and its range or choices; tl.runs=abc too, although a rule's bound takes its value (Maven
// failed converting that bound before any tl code ran, naming no property)
def log = new File(basedir, 'build.log').text
assert log.contains('tl:prepare failed: ')
assert log.contains('tl.epochs=0 is out of range: it must be an integer of at least 1')
assert log.contains('tl.imageSize=8 is out of range: it must be an integer from 12')
assert log.contains('tl.trainFraction=1.5 is out of range: it must be a number between 0 and 1')
assert log.contains("tl.linkage is 'wards': use ward, average, complete or single")
assert log.contains('tl.runs=abc is not an integer')
assert log.contains('tl.executor=sparks is not available: the executors on the class path are local only')
assert !log.contains('Cannot convert')
assert !log.contains('Verifying and resizing images')
assert !new File(basedir, 'target/tl').exists()
return true
