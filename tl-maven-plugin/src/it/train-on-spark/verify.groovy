import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// first build: the embedding's batches and then 2 Table 2 runs as Spark jobs in this JVM
assert log =~ /Embedding \d+ images \(0 from the cache [^)]*\) on Spark local\[\d+,2\]/
// first build: 2 Table 2 runs, each a one-task Spark job in this JVM (the plugin's class realm found tl-spark)
assert log =~ /2 runs \(8 scheme results\) in 1 experiments; in the ledger \S+: 0 complete runs and 0 scheme results of unfinished ones \(0 results taken from the run cache \S+\); 2 runs to train/
assert log.contains('Training on Spark local[2,2], 1 native thread per task')
assert log.contains('table2 run 1: 4 scheme results back from Spark')
assert log.contains('table2 run 2: 4 scheme results back from Spark')
// second build: everything from the ledger
assert log =~ /2 runs \(8 scheme results\) in 1 experiments; in the ledger \S+: 2 complete runs and 0 scheme results of unfinished ones \(0 results taken from the run cache \S+\); 0 runs to train/
// third build: a bad setting named with its property before any work
assert log.contains('tl.spark.nativeThreads=0 is not a whole number of at least 1')

def results = []
new File(basedir, 'target/tl/runs').eachFileRecurse {
    if (it.name ==~ /scheme\d-run.*\.json/) results << new JsonSlurper().parse(it)
}
assert results*.scheme.countBy { it } == [1: 2, 2: 2, 3: 2, 4: 2]
results.each { r -> assert r.epochLosses.size() == 1 && r.backend.contains('oneDNN on') }
return true
