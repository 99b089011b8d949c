// a synthetic data set served on 127.0.0.1, its address passed as tl.it.url
org.tlrepro.core.testing.LoopbackHttpServer.serveSyntheticData(basedir, context)
return true
