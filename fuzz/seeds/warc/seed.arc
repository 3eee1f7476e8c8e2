filedesc://seed.arc 0.0.0.0 20240101000000 text/plain 76
1 0 seeds
URL IP-address Archive-date Content-type Archive-length

http://a.example/ 1.2.3.4 20240101000000 text/html 678
HTTP/1.0 200 OK
Content-Type: text/html

<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>Cycle lanes approved</title><meta name=keywords content="上海龙凤,cycle"><style>.x{display:none}</style></head><body><h2>爱上海龙凤419论坛 News</h2><p>The council voted on Tuesday to build protected cycle lanes along the river road. Construction starts in June and should take a year.
 Tom &amp; Jerry &#x7231;&#19978;</p><div class=x><a href=http://casino.example/>online casino bonus</a></div><p style="font-size:0">cheap viagra online</p><ul><li lang=zh>北京</li></ul><pre>quoted 百家乐 spam</pre><!-- comment --><script>var a='<p>';</script></body></html>
