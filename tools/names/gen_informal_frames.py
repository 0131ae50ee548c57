# Regenerate pii_informal_gate and FRAME_SLOTS in core/src/pii/person_lower_frames.c from its FRAMES list
# (sorted, wrapped at entries). Usage: python3 tools/names/gen_informal_frames.py core/src/pii/person_lower_frames.c
import re,sys
p=sys.argv[1]
src=open(p).read()
m=re.search(r'static const struct frame_word FRAMES\[\] = \{(.*?)\n\};',src,re.S)
ents=re.findall(r'\{"([^"]*)",\s*([^}]*)\}',m.group(1))
ents.sort(key=lambda e:e[0].encode())
kinds={'F_BEFORE':1,'F_BEFORE_KIN':2,'F_AFTER_KIN':4,'F_AFTER':8,'F_AND':16,'F_ME':32,'F_LINK':64,'F_HOW':128,'F_OPEN':256,'F_POSS':512,'F_NUM':1024,'F_VN':2048,'F_MYKIN':4096}
def kv(s): return sum(kinds[x.strip()] for x in s.split('|'))
gate=[[0]*26 for _ in range(12)]
for w,k in ents:
    l=len(w)
    if l<12 and kv(k)&~(32|64):
        gate[l][ord(w[0])-97] |= 1<<(ord(w[-1])-97) | 1<<(32+ord(w[1] if l>1 else w[0])-97)
def h(w):
    b=w.encode(); c1=b[1] if len(b)>1 else 0
    return (b[0]*7+c1*31+b[-1]*13+len(b)*101)&1023
slots=[-1]*1024
for i,(w,k) in enumerate(ents):
    x=h(w)
    while slots[x]>=0: x=(x+1)&1023
    slots[x]=i
# rewrite FRAMES sorted
import textwrap
lines=[];cur=""
for w,k in ents:
    e='{"%s", %s},'%(w,' '.join(k.split()))
    if cur and len(cur)+1+len(e)>116: lines.append(cur); cur=e
    else: cur=(cur+" "+e) if cur else e
lines.append(cur)
src=src[:m.start(1)]+"\n"+"\n".join("    "+l for l in lines)+src[m.end(1):]
g="const uint64_t pii_informal_gate[12][26] = {\n"+"".join("    {"+", ".join("0x%xu"%v for v in row)+"},\n" for row in gate)+"};"
src=re.sub(r'const uint64_t pii_informal_gate\[12\]\[26\] = \{.*?\n\};',lambda _:g,src,flags=re.S)
sl=", ".join(str(v) for v in slots)+","
sll=textwrap.wrap(sl,116)
s2="static const int16_t FRAME_SLOTS[1024] = {\n"+"\n".join("    "+l for l in sll)+"\n};"
src=re.sub(r'static const int16_t FRAME_SLOTS\[1024\] = \{.*?\n\};',lambda _:s2,src,flags=re.S)
open(p,'w').write(src)
