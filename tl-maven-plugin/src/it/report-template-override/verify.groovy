import javax.xml.parsers.DocumentBuilderFactory

def report = new File(basedir, 'target/tl/report')
def summary = new File(report, 'summary.md').text
assert summary.startsWith('Custom summary of the IT: 4 schemes, Scheme 1 at ') : summary
assert !summary.contains('| Scheme |')
// the other templates are still the defaults
def html = new File(report, 'report.html')
assert html.text.contains('id="table2"')
DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(html)
assert new File(report, 'tables.tex').isFile()
def log = new File(basedir, 'build.log').text
assert log.contains('Template summary.md.vm from ')
return true
