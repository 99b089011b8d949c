import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def builds = log.split(/(?=\[INFO\] Scanning for projects)/).findAll { it.startsWith('[INFO] Scanning') }
assert builds.size() == 3 : "three builds in build.log, found ${builds.size()}"
// first build: 2 Table 2 runs (4 schemes each) and 16 combinations x 1 run (Schemes 1 and 4): 40 results
assert builds[0] =~ /18 runs \(40 scheme results\) in 17 experiments; in the ledger \S+: 0 complete runs and 0 scheme results of unfinished ones \(0 results taken from the run cache \S+user-cache\/runs\); 18 runs to train/
assert builds[0].contains('table2 run 1 scheme 4: test accuracy')
assert builds[0].contains('table3/P1+U1 run 1 scheme 1: test accuracy')
assert builds[0].contains('table2 scheme 4: mean test accuracy')
// second build: everything comes from the ledger
assert builds[1] =~ /in the ledger \S+: 18 complete runs and 0 scheme results of unfinished ones \(0 results taken from the run cache \S+\); 0 runs to train/
assert !(builds[1] =~ /run \d+ scheme \d: test accuracy/)
// third build, after mvn clean: everything comes from the run cache, nothing is trained
assert builds[2].contains('Deleting ')
assert builds[2] =~ /in the ledger \S+: 18 complete runs and 0 scheme results of unfinished ones \(40 results taken from the run cache \S+\); 0 runs to train/
assert !(builds[2] =~ /run \d+ scheme \d: test accuracy/)
def cached = []
new File(basedir, 'user-cache/runs').eachFileRecurse { if (it.name.endsWith('.json')) cached << it }
assert cached.size() == 40 : 'every result once in the run cache, named by its fingerprint'

def runs = new File(basedir, 'target/tl/runs')
def results = []
runs.eachFileRecurse { if (it.name ==~ /scheme\d-run.*\.json/) results << new JsonSlurper().parse(it) }
assert results.size() == 40
// train.json lists the runs of the current protocol for tl:report and tl:check
def summary = new JsonSlurper().parse(new File(runs, 'train.json'))
assert summary.runs.size() == 40
assert summary.protocol.epochs == 1
assert results.findAll { it.experiment == 'table2' }*.scheme.countBy { it } == [1: 2, 2: 2, 3: 2, 4: 2]
results.each { r ->
    assert r.testAccuracy >= 0 && r.testAccuracy <= 1
    assert r.seed != 0
    assert r.epochLosses.size() == 1
    assert r.backend.contains('oneDNN on')
}
return true
