import org.tlrepro.core.testing.SyntheticDataset
import org.tlrepro.core.testing.TinyKerasModel

def data = new File(basedir, 'data').toPath()
SyntheticDataset.create(data, 45, 40, 42L)
def model = TinyKerasModel.copyTo(data)
context.get('userProperties').put('tl.modelSha256', TinyKerasModel.sha256(model))
return true
