// English glosses of everyday Malay and Tagalog words of customer support (time, money,
// accounts, opening hours, delivery, health, government services), so a Malay or Tagalog answer
// to an English knowledge base (or the reverse, or a code-switched reply) is matched word by
// word like a paraphrase: "5 hari bekerja" against "5 business days". Written for Arbiter from
// general vocabulary; each line is `word:gloss,gloss` with the commonest English lemma first.
// Inflected forms are listed as they are written (Malay di-/me-/ber- and Tagalog
// mag-/nag-/-in-/-um- forms), since a stemmer for either language is more than this needs.
// The tokenizer parts a word at its hyphen: a reduplicated or hyphened word ("mana-mana" any,
// "serta-merta" immediately) is looked up by its parts, so a part that only occurs there carries
// the gloss ("merta"), and "mana" (where, which) has "any" too.
const MALAY = `
hari:day minggu:week bulan:month tahun:year jam:hour minit:minute saat:second
pagi:morning,am petang:afternoon,pm malam:night,evening,pm tengah:middle,noon
isnin:monday selasa:tuesday rabu:wednesday khamis:thursday jumaat:friday sabtu:saturday ahad:sunday
mac:march januari:january februari:february mei:may jun:june julai:july ogos:august oktober:october disember:december
bekerja:work,business,working kerja:work,business cuti:holiday,leave umum:public,general
hujung:end harian:daily bulanan:monthly tahunan:yearly,annual
bayaran:payment,fee,charge,pay bayar:pay,payment dibayar:pay,paid pembayaran:payment
balik:back,return pulang:return dipulangkan:return,refund,back wang:money duit:money
caj:charge,fee yuran:fee harga:price,cost kos:cost percuma:free berbayar:paid,charge
dikenakan:charge,impose,apply tambah:add,top nilai:value,top kredit:credit baki:balance
akaun:account kad:card pinjaman:loan faedah:interest simpanan:savings,saving pindahan:transfer
pemindahan:transfer pengeluaran:withdrawal tunai:cash cek:cheque,check kadar:rate
permohonan:application memohon:apply mohon:apply pemohon:applicant diluluskan:approve,approved
kelulusan:approval lulus:approve,pass ditolak:reject,decline syarat:condition,requirement
pendapatan:income gaji:salary,income minimum:minimum maksimum:maximum sekurang:least
warganegara:citizen rakyat:citizen umur:age berumur:aged,age
kedai:store,shop kedai-kedai:store,shop pelanggan:customer barang:item,goods bungkusan:parcel,package
penghantaran:delivery hantar:send,deliver dihantar:send,deliver,sent terima:receive,accept
diterima:accept,receive,accepted pesanan:order tempahan:order,booking,reservation
buka:open dibuka:open tutup:close,closed ditutup:close,closed waktu:time,hours operasi:operation,opening
pukul:o'clock,at masa:time tempoh:period,within segera:immediately serta-merta:immediately merta:immediately
sebelum:before selepas:after lepas:after,past hingga:to,until sehingga:until,to antara:between
dalam:within,in setiap:every,each sahaja:only hanya:only semua:all
kali:time pertama:first kedua:second ketiga:third satu:one dua:two tiga:three empat:four lima:five
enam:six tujuh:seven lapan:eight sembilan:nine sepuluh:ten
pemasangan:installation memasang:install dipasang:install juruteknik:technician talian:line
aplikasi:app,application perbankan:banking serbaneka:convenience
suntikan:injection,vaccination,shot temu:appointment janji:appointment doktor:doctor klinik:clinic
ubat:medicine,drug ujian:test keputusan:result darah:blood makan:eat minum:drink puasa:fast
jabatan:department pejabat:office pendaftaran:registration penggantian:replacement gantian:replacement
ganti:replace hilang:lose,lost dicuri:steal,stolen baharu:new baru:new lama:old
bekalan:supply air:water elektrik:electricity gangguan:interruption,disruption berjadual:schedule,scheduled
penyelenggaraan:maintenance diselenggara:maintain,maintenance paip:pipe lori:truck,lorry tangki:tank
kawasan:area semenanjung:peninsular,peninsula terjejas:affect,affected disediakan:provide,available sediakan:provide
dihentikan:stop,suspend sementara:temporary,temporarily berlaku:occur,happen kerana:because
perlu:need,require diperlukan:require,need wajib:required,mandatory boleh:can,may dapat:get,receive
mendapat:get,receive diberikan:give,issue,grant beri:give memberi:give dikreditkan:credit
kaedah:method asal:original pilih:choose memilih:choose,prefer tukar:change,exchange ditukar:exchange,change
sah:valid tamat:expire,end daftar:register,sign mendaftar:register,sign
salah:wrong betul:correct,right datang:come,visit pergi:go guna:use gunakan:use menggunakan:use
bawa:bring,carry,with membawa:bring,carry,with ambil:take mengambil:take diambil:take,taken
mana:where,which,any sebarang:any apa-apa:any,anything cawangan:branch lawat:visit melawat:visit
simpan:keep,save menyimpan:keep,save
keluar:issue,leave,out keluarkan:withdraw,withdrawal,issue mengeluarkan:withdraw,withdrawal,issue
had:limit masuk:enter,in semak:check lambat:late,delay,slow awal:early cepat:fast,quick
paling:most lewat:late,latest bil:bill
pinjam:borrow,loan meminjam:borrow,loan buku:book denda:fine,penalty sekali:once sampai:until,up
`;

const TAGALOG = `
araw:day linggo:week,sunday buwan:month taon:year oras:hour,time minuto:minute
umaga:morning,am hapon:afternoon,pm gabi:night,evening tanghali:noon
lunes:monday martes:tuesday miyerkules:wednesday huwebes:thursday biyernes:friday sabado:saturday
bayad:fee,payment,pay,charge magbayad:pay libre:free walang:no,without presyo:price halaga:amount,cost
nagkakahalaga:cost ibalik:return,refund maibalik:return,refund ibinalik:return,refund
resibo:receipt pagbili:purchase bumili:buy binili:buy,bought
pataas:above,more higit:more,above mababa:low,below kulang:less
bukas:open,tomorrow nagbubukas:open magbubukas:open sarado:close,closed nagsasara:close
magsasara:close isinasara:close bago:before,new pagkatapos:after hanggang:until,to mula:from
loob:within,inside tuwing:every bawat:every,each lahat:all lamang:only
kailangan:need,require kinakailangan:require puwede:can,may maaari:can,may maaaring:can,may
dalawa:two dalawang:two tatlo:three tatlong:three isa:one isang:one limang:five
sampu:ten tatlumpu:thirty tatlumpung:thirty
magbukas:open pagbubukas:opening deposito:deposit unang:first una:first
tawagan:call tumawag:call agad:immediately kaagad:immediately ipapadala:send,deliver ipinadala:send,sent
darating:arrive dumating:arrive padala:send trabaho:work,business nawawala:lose,lost nawala:lose,lost
kasama:include,with,plus tatagal:last,valid unli:unlimited
sangay:branch anuman:any,anything kahit:any,even
lugar:area,place labas:outside ibang:other iba:other
umalis:depart,leave
kuryente:electricity,power mawawalan:lose,interruption ilang:some bahagi:part,area
dahil:because kumuha:get makakuha:get
`;

// English words a support answer puts for the knowledge base's own, which WordNet does not
// group: "within five working days" for "within 5 business days" (en-shop-refunds).
const ENGLISH = `
working:business
`;

let glosses: Map<string, readonly string[]> | undefined;

function glossMap(): Map<string, readonly string[]> {
  if (!glosses) {
    glosses = new Map();
    for (const entry of `${MALAY} ${TAGALOG} ${ENGLISH}`.split(/\s+/)) {
      const colon = entry.indexOf(':');
      if (colon > 0) glosses.set(entry.slice(0, colon), entry.slice(colon + 1).split(','));
    }
  }
  return glosses;
}

const NONE: readonly string[] = [];

/** English glosses of a lower-cased Malay or Tagalog word, commonest first; empty when unknown. */
export function glossOf(norm: string): readonly string[] {
  return glossMap().get(norm) ?? NONE;
}
