import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// first build: 2 Table 2 runs (4 schemes each) and 16 combinations x 1 run (Schemes 1 and 4): 40 results
assert log.contains('18 runs in 17 experiments; 0 already in the ledger')
assert log.contains('table2 run 1 scheme 4: test accuracy')
assert log.contains('table3/P1+U1 run 1 scheme 1: test accuracy')
assert log.contains('table2 scheme 4: mean test accuracy')
// second build: everything comes from the ledger
assert log.contains('18 runs in 17 experiments; 18 already in the ledger')

def runs = new File(basedir, 'target/tl/runs')
def results = []
runs.eachFileRecurse { if (it.name.endsWith('.json') && it.name != 'train.json') results << new JsonSlurper().parse(it) }
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
