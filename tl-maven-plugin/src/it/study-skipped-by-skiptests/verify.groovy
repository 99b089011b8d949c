// mvn verify -DskipTests (and so mvn install -DskipTests) runs no tl goal: every one skips, as surefire and failsafe do
def log = new File(basedir, 'build.log').text
['prepare', 'cluster', 'train', 'report', 'check'].each { goal ->
    assert log.contains("Skipping tl:${goal} (skipTests is set)") : goal
}
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/tl').exists() : 'nothing prepared, embedded or trained'
return true
