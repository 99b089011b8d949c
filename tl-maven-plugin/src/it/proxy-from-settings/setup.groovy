import java.nio.file.Files

import org.tlrepro.core.testing.LoopbackHttpServer
import org.tlrepro.core.testing.SyntheticDataset
import org.tlrepro.core.testing.TinyKerasModel

def data = new File(basedir, 'data').toPath()
SyntheticDataset.create(data, 45, 40, 42L)
def model = TinyKerasModel.copyTo(data)
def server = LoopbackHttpServer.start(data, 0)
context.put('server', server)
context.get('userProperties').put('tl.modelSha256', TinyKerasModel.sha256(model))
// an inactive proxy first (ignored), then the loopback server, which nonProxyHosts does not exclude
new File(basedir, 'settings.xml').text = """<settings>
  <proxies>
    <proxy>
      <id>switched-off</id>
      <active>false</active>
      <protocol>http</protocol>
      <host>127.0.0.2</host>
      <port>9</port>
    </proxy>
    <proxy>
      <id>loopback</id>
      <active>true</active>
      <protocol>http</protocol>
      <host>127.0.0.1</host>
      <port>${server.port()}</port>
      <nonProxyHosts>localhost|*.example.org</nonProxyHosts>
    </proxy>
  </proxies>
</settings>
"""
return true
