def log = new File(basedir, 'build.log').text
assert log.contains('sample.tsv: Uninfected/not-in-the-manifest.png is not in the manifest')
assert !new File(basedir, 'target/tl').exists()
return true
