import org.tlrepro.core.testing.SyntheticDataset

def files = SyntheticDataset.create(new File(basedir, 'data').toPath(), 8, 6, 42L)
// flip one byte of one sampled image inside the archive
def entries = new LinkedHashMap<String, byte[]>()
files.images().each { k, v -> entries.put(SyntheticDataset.ARCHIVE_ROOT + k, v.clone()) }
def victim = files.images().keySet().findAll { it.startsWith('Uninfected/') }.sort()[2]
entries[SyntheticDataset.ARCHIVE_ROOT + victim][100] ^= 1
SyntheticDataset.zip(files.archive(), entries)
new File(basedir, 'victim.txt').text = victim
return true
