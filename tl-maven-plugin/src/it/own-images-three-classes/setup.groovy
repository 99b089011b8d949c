import java.nio.file.Files
import java.nio.file.StandardCopyOption
import org.tlrepro.core.testing.SyntheticDataset
import org.tlrepro.core.testing.TinyKerasModel

// the example project as a user would copy it
Files.copy(new File(exampleProject, 'pom.xml').toPath(), new File(basedir, 'pom.xml').toPath(),
        StandardCopyOption.REPLACE_EXISTING)
// three classes of images, named as a user would name them
SyntheticDataset.createFolder(new File(basedir, 'images').toPath(), ['cats', 'dogs', 'owls'], 40, 11L)
def model = TinyKerasModel.copyTo(new File(basedir, 'models').toPath())

def p = context.get('userProperties')
p.put('tl.version', pluginVersion)
p.put('tl.mirror', new File(basedir, 'models').path)
p.put('tl.cache', new File(basedir, 'user-cache').path)
// a tiny real Keras model in place of ResNet50, and a protocol for a small data set as the README advises (small
// batches, more epochs, a larger learning rate), so that the example's gates (no model predicting one class, every
// run above the majority class) can pass
p.put('tl.model', TinyKerasModel.FILE_NAME)
p.put('tl.architecture', 'keras-model')
p.put('tl.modelSha256', TinyKerasModel.sha256(model))
p.put('tl.modelName', 'tiny test CNN')
p.put('tl.inputSize', '16')
p.put('tl.preprocessing', 'tf')
p.put('tl.imageSize', '16')
p.put('tl.epochs', '10')
p.put('tl.batchSize', '8')
p.put('tl.learningRate', '1e-3')
p.put('tl.runs', '2')
p.put('tl.table3.runs', '1')
p.put('tl.table3.combinations', '5')
return true
