def victim = new File(basedir, 'victim.txt').text
def log = new File(basedir, 'build.log').text
assert log.contains("cell_images.zip!/cell_images/${victim} is not the original ${victim}")
assert !new File(basedir, 'target/tl/prepare').exists()
return true
