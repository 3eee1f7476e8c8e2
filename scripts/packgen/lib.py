# Builds pattern-pack TOML files (patterns/ru-*.toml, patterns/zh-*.toml) from the readable
# sources gen_ru.py and gen_zh.py: `python3 scripts/packgen/gen_ru.py` rewrites them.
import re
# The normaliser folds Latin, Greek and small-capital letters swapped into Cyrillic words back
# to Cyrillic (src/normalize.rs), so patterns are written in plain Cyrillic; only ё/е vary.
CLS = {'е': 'её', 'ё': 'ёе'}
def H(src):
    """Cyrillic letters -> look-alike classes; a plain space -> \\s+ (outside [...]); rest is regex."""
    out=[]; depth=0; i=0
    while i < len(src):
        c=src[i]
        if c=='\\' and i+1 < len(src):
            out.append(src[i:i+2]); i+=2; continue
        if c=='[': depth+=1; out.append(c)
        elif c==']': depth-=1; out.append(c)
        elif c==' ' and depth==0: out.append(r'\s+')
        elif c in CLS:
            out.append('['+CLS[c]+']')
        else: out.append(c)
        i+=1
    return ''.join(out)

def q(s):
    assert '"' not in s and '\\' not in s
    return '"'+s+'"'

class Pack:
    def __init__(s, id, category, lang, weight, source, note, header):
        s.id=id; s.lines=[]
        for h in header.strip().splitlines(): s.lines.append('# '+h if h else '#')
        s.lines += ['', '[pack]', f'id = {q(id)}', f'category = {q(category)}', f'lang = {q(lang)}',
                    f'weight = {weight}', f'source = {q(source)}', f'note = {q(note)}']
    def sec(s, title): s.lines += ['', f'# --- {title} ---']
    def term(s, text, w=None, note=None):
        s.lines += ['', '[[term]]', f'text = {q(text)}']
        if w is not None: s.lines.append(f'weight = {w}')
        if note: s.lines.append(f'note = {q(note)}')
    def excl(s, text, note=None):
        s.lines += ['', '[[exclude]]', f'text = {q(text)}']
        if note: s.lines.append(f'note = {q(note)}')
    def pat(s, rx, w=None, note=None, raw=False):
        r = rx if raw else H(rx)

        assert "'" not in r
        s.lines += ['', '[[pattern]]', f"regex = '{r}'"]
        if w is not None: s.lines.append(f'weight = {w}')
        if note: s.lines.append(f'note = {q(note)}')
    def write(s, path):
        open(path,'w').write('\n'.join(s.lines)+'\n')
