import java.nio.file.Files
import java.util.function.UnaryOperator

import org.tlrepro.core.io.FileDigest
import org.tlrepro.core.testing.KerasWeightsWriter
import org.tlrepro.core.testing.LoopbackHttpServer
import org.tlrepro.core.testing.MirrorModel
import org.tlrepro.core.testing.SyntheticDataset

def data = new File(basedir, 'data').toPath()
SyntheticDataset.create(data, 45, 40, 42L)
// what the loopback server stands in for: the NIH archive and Keras Applications' weights-only file
def served = Files.createDirectories(new File(basedir, 'served').toPath())
Files.copy(data.resolve('cell_images.zip'), served.resolve('cell_images.zip'))
def whole = MirrorModel.find().get()
def good = KerasWeightsWriter.weightsOnlyCopy(whole, served.resolve('resnet50_weights_tl_test_notop.h5'))
def spoiled = KerasWeightsWriter.weightsOnlyCopy(whole, served.resolve('resnet50_weights_spoiled.h5'),
        { l -> l.name() == 'res5c_branch2c' ? KerasWeightsWriter.scaled(l, 1.01f) : l } as UnaryOperator)
def server = LoopbackHttpServer.start(served, 0)
context.put('server', server)
def p = context.get('userProperties')
p.put('tl.it.url', 'http://127.0.0.1:' + server.port())
p.put('tl.it.md5', FileDigest.of(good).md5())
p.put('tl.it.spoiledMd5', FileDigest.of(spoiled).md5())
return true
