import javax.xml.parsers.DocumentBuilderFactory
import javax.xml.xpath.XPathConstants
import javax.xml.xpath.XPathFactory

def report = new File(basedir, 'target/tl/report')
def html = new File(report, 'report.html')
assert html.isFile()
// report.html is XHTML-compatible: it parses as XML, and holds the three tables and the figures
def doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(html)
def xpath = XPathFactory.newInstance().newXPath()
['table1', 'table2', 'table3', 'provenance'].each { id ->
    assert xpath.evaluate("count(//*[@id='${id}'])", doc, XPathConstants.NUMBER) == 1 : "no element with id ${id}"
}
// no tl.paperValues here: nothing to deviate from, so no such section
assert xpath.evaluate("count(//*[@id='deviations'])", doc, XPathConstants.NUMBER) == 0
assert xpath.evaluate("//table[@id='table1']/tfoot/tr[1]/td[3]", doc) == '848,226'
assert xpath.evaluate("count(//table[@id='table2']/tbody/tr)", doc, XPathConstants.NUMBER) == 1 : 'one run per scheme'
assert xpath.evaluate("count(//svg)", doc, XPathConstants.NUMBER) >= 4
def text = html.text
assert !(text =~ /https?:\/\/(?!www\.w3\.org\/2000\/svg)/) : 'the report loads nothing from the network'
assert text.contains('tiny test CNN')

def summary = new File(report, 'summary.md')
assert summary.isFile()
assert summary.text.contains('| Scheme | Trained on | Runs | Mean accuracy (%) |')
assert summary.text.contains('- PASS every scheme ran once')
assert summary.text.contains('\\[reported, not enforced\\]')
// metrics.json: one flat object of numbers (or null), as dvc metrics show/diff read it
def metrics = new groovy.json.JsonSlurper().parse(new File(report, 'metrics.json'))
assert metrics['table2.scheme1.mean'] instanceof Number
assert metrics['table2.scheme1.majorityRate'] instanceof Number
assert metrics.values().every { it == null || it instanceof Number }
def tables = new File(report, 'tables.tex')
assert tables.isFile()
assert tables.text.count('\\toprule') == 3
assert new File(report, 'report.tex').text.contains('\\input{tables}')
assert new File(report, 'report.tex').text.contains('\\input{figures}')
// provenance.json: the POM's tl.* properties and the -D ones (tl.modelSha256, set by setup.groovy), Maven's version,
// the stages' fingerprints, what was reused
def provenance = new groovy.json.JsonSlurper().parse(new File(report, 'provenance.json'))
assert provenance.settings['tl.epochs'] == '1'
assert provenance.settings['tl.modelSha256'] ==~ /[0-9a-f]{64}/
assert provenance.software.maven ==~ /3\..*/
assert provenance.inputs['prepare/fingerprint.json'].'manifest.sha256' ==~ /[0-9a-f]{64}/
assert provenance.reuse['runs trained'] ==~ /\d+ of \d+/
assert provenance.seeds.size() == metrics['table2.scheme1.runs'] * 4
// figures as SVG and PDF, results as CSV
['figure1a', 'figure2a', 'figure3a', 'figure3b', 'figure4', 'figure5'].each { name ->
    assert new File(report, "figures/${name}.svg").isFile() : name
    assert new File(report, "figures/${name}.pdf").bytes[0..4] == '%PDF-'.bytes as List : name
}
def runsCsv = new File(report, 'csv/runs.csv').readLines()
assert runsCsv[0].startsWith('table,combination,scheme,run,seed,')
assert runsCsv[0].contains(',truePositives,falseNegatives,falsePositives,trueNegatives,sensitivity,specificity,')
assert runsCsv[1].startsWith('table2,,1,1,')
// provenance: a format version, the CPU model, every resolved setting, paths relative to the project
assert provenance.format == 'tl-provenance/2'
assert provenance.settings['tl.runs'] != null // a default, resolved
assert !new File(report, 'provenance.json').text.contains(basedir.absolutePath)

def log = new File(basedir, 'build.log').text
assert log.contains(':report (report)')
assert log.contains('Wrote ') && log.contains('report.html')
// the report comes before the gates (post-integration-test, then verify)
assert log.indexOf(':report (report)') < log.indexOf(':check (check)')
return true
