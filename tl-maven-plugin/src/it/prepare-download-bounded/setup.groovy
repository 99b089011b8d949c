import org.tlrepro.core.testing.LoopbackHttpServer
import org.tlrepro.core.testing.SyntheticDataset

def data = new File(basedir, 'data').toPath()
SyntheticDataset.create(data, 8, 6, 42L)
def server = LoopbackHttpServer.start(data, 0)
context.put('server', server)
context.get('userProperties').put('tl.it.url', 'http://127.0.0.1:' + server.port())
return true
