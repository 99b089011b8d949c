import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def builds = log.split(/(?=\[INFO\] Scanning for projects)/).findAll { it.startsWith('[INFO] Scanning') }
assert builds.size() == 3 : "three builds in build.log, found ${builds.size()}"

// 1. the first build of the configuration writes its baseline: metrics.json and the run records
assert builds[0].contains('Baseline written to ')
def baseline = new File(basedir, 'baseline')
def metrics = new JsonSlurper().parse(new File(baseline, 'metrics.json'))
assert metrics['table2.scheme1.runs'] == 5
def records = []
new File(baseline, 'runs').eachFileRecurse { if (it.name.endsWith('.json')) records << it }
assert records.size() == 20 : 'five runs of four schemes'

// 2. trained again from scratch, same seeds: identical accuracies, so the comparison holds
assert builds[1].contains('PASS Scheme 1 unchanged from the baseline: table2.scheme1.mean baseline ')
assert builds[1].contains('change +0.0000; Welch\'s t-test over 5 and 5 runs: t = 0.00, p = 1.00')
assert builds[1] =~ /3 of 3 rules met; the paper's values reached: [01] of 1/
assert builds[1].contains('BUILD SUCCESS')

// 3. a learning rate of 0: tl:check fails, naming the metric, the baseline and new values and the test
assert builds[2].contains('BUILD FAILURE')
def fail = builds[2].readLines().find { it.contains('FAIL Scheme 4 unchanged from the baseline: table2.scheme4.mean baseline ') }
assert fail != null : 'the Scheme 4 comparison fails'
assert fail =~ /baseline \d+\.\d{4}, now \d+\.\d{4}, change -\d+\.\d{4}; Welch's t-test over 5 and 5 runs: t = \S+, p = \S+ < alpha 0.01/
assert builds[2] =~ /[0-2] of 3 rules met; the paper's values reached: [01] of 1; violated:/
// the same outcome in JUnit XML and in the summary's diff against the baseline
def xml = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/tl/check/TEST-tl-check.xml'))
assert xml.testcase.find { it.@name == 'Scheme 4 unchanged from the baseline' }.failure.size() == 1
def summary = new File(basedir, 'target/tl/report/summary.md').text
// the headline first, then the verdict, then only the metrics that changed
assert summary.startsWith('# tl report summary\n\n**Scheme 4 minus Scheme 1 (mean test accuracy): ')
assert summary.contains('** FAIL: ')
assert summary.contains('Against the baseline: the ')
assert summary.contains('| Metric | Baseline | Now | Change |')
return true
