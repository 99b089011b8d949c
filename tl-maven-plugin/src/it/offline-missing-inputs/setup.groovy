import org.tlrepro.core.testing.SyntheticDataset

SyntheticDataset.create(new File(basedir, 'data').toPath(), 8, 6, 42L)
return true
