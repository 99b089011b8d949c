def log = new File(basedir, 'build.log').text
assert log =~ /tl:manifest failed: 1 image\(s\) appear more than once \(the same bytes\): \S+left\/img_101\.png = \S+right\/also-101\.png\. Repair, remove or keep one copy of each/
assert !new File(basedir, 'src/dataset/manifest.tsv').exists()
return true
