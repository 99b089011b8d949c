import org.tlrepro.core.testing.SyntheticDataset

def files = SyntheticDataset.create(new File(basedir, 'data').toPath(), 8, 6, 42L)
files.sampleList().toFile() << 'Uninfected\tnot-in-the-manifest.png\t' + ('0' * 64) + '\t10\n'
return true
