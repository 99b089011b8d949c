import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def builds = log.split(/(?=\[INFO\] Scanning for projects)/).findAll { it.startsWith('[INFO] Scanning') }
assert builds.size() == 2 : "two builds in build.log, found ${builds.size()}"

// tl:manifest listed the folder; the two lists are the files a user commits
assert builds[0] =~ /120 images in 3 classes \(cats 40, dogs 40, owls 40\) listed in \S+manifest.tsv; commit it/
def manifest = new File(basedir, 'src/dataset/manifest.tsv').readLines()
assert manifest[0] == 'class\tfilename\tsha256\tsize_bytes'
assert manifest.size() == 121
assert manifest[1] ==~ /cats\timg_100\.png\t[0-9a-f]{64}\t\d+/
assert new File(basedir, 'src/dataset/sample.tsv').readLines().size() == 121

// tl:prepare read the folder (no download) and verified every image
def study = builds[1]
assert !study.contains('Downloading')
assert study =~ /Prepared 120 images of 16x16x3/
// clustering per class, with node names from the class names
assert study =~ /cats \(40 images\): level 1 CA=\d+, CB=\d+; level 2 C1=/
assert study =~ /owls \(40 images\): level 1 OA=/
// 4^3 combinations, five of them trained
assert study.contains('Table 3: training 5 of the 64 combinations (4^3: one second-level node of each of 3 classes')
def summary = new JsonSlurper().parse(new File(basedir, 'target/tl/runs/train.json'))
assert summary.runs.findAll { it.experiment.startsWith('table3/') }*.experiment.unique().size() == 5
assert summary.runs.findAll { it.experiment.startsWith('table3/') }.every { it.experiment ==~ /table3\/C\d\+D\d\+O\d/ }
// Table 1 from the network that was trained: three outputs, the classes in label order
assert summary.network.classes == ['cats', 'dogs', 'owls']
def cluster = new JsonSlurper().parse(new File(basedir, 'target/tl/cluster/cluster.json'))
assert cluster.classes*.name == ['cats', 'dogs', 'owls']
assert cluster.combinations.size() == 64

def html = new File(basedir, 'target/tl/report/report.html').text
assert html.contains('images of 3 classes (cats, dogs, owls)')
assert html =~ /Dense[^<]*<\/td><td>[^<]*3\b/ || html.contains('(None, 3)')
assert html.contains('Node names (C1..C4, D1..D4, O1..O4) are assigned independently')
assert html.contains('<h1>Deep transfer learning for small data sets: study report</h1>')
assert !html.contains('Parasitized') && !html.contains('Uninfected')
assert new File(basedir, 'target/tl/report/tables.tex').text.contains('3 classes (cats, dogs, owls)')
// the gates ran and passed, those that the models learned among them (issue 33)
assert study.contains('PASS no Scheme 1 model predicts one class only')
assert study.contains('PASS every Scheme 4 run above the majority-class rate of its test part')
assert study =~ /(PASS|FAIL) Scheme 4 improves on Scheme 1: table2.scheme4.mean - table2.scheme1.mean = \S+ \(above 0.0\)/
assert study.contains(':check (check) @ own-images-study') && study.contains('BUILD SUCCESS')
return true
