# Tone set for the `tone` validator: written for Arbiter, CC0. (language, label, text).
# Labels: formal | neutral | casual. Split: every third group of three items of each language
# ((index // 3) % 3 == 2: one of each label) goes to the holdout file. Regenerate: python3 scripts/validators-data/tone-sentences.py
ITEMS = {
 'en': [
  ('formal', 'Dear Mr Tan, we regret to inform you that your application has not been approved.'),
  ('casual', "Hey! Your order's on the way, gonna be there tomorrow!!"),
  ('neutral', 'Your order was shipped today and should arrive within three business days.'),
  ('formal', 'Kindly be advised that the outstanding balance must be settled by 30 June.'),
  ('casual', "Yeah no worries, we'll sort it out for ya :)"),
  ('neutral', 'You can change your delivery address in the Orders page.'),
  ('formal', 'We would be grateful if you could provide the requested documents at your earliest convenience.'),
  ('casual', "lol that's on us, sorry! we'll fix it asap"),
  ('neutral', 'The refund has been processed and will appear on your statement in five to seven days.'),
  ('formal', 'Should you require further assistance, please do not hesitate to contact us. Yours sincerely, Customer Care.'),
  ('casual', "Awesome, thanks a bunch! Can't wait to see you guys again!"),
  ('neutral', 'Please restart the app and try again.'),
  ('formal', 'Pursuant to clause 4.2 of the agreement, the premium shall be payable annually.'),
  ('casual', "Oops, looks like the link's broken. Gimme a sec."),
  ('neutral', 'Your password must have at least twelve characters.'),
  ('formal', 'We hereby acknowledge receipt of your complaint dated 3 March and will respond within fourteen days.'),
  ('casual', "Nope, that won't work, you gotta log in first."),
  ('neutral', 'The store opens at nine and closes at six on weekdays.'),
  ('formal', 'Accordingly, we are unable to process your claim in its current form. We apologise for any inconvenience caused.'),
  ('casual', "Dude, you're gonna love this deal!!! Grab it now!"),
  ('neutral', 'We could not find an account with that email address.'),
  ('formal', 'Please accept our sincere apologies for the delay in responding to your enquiry.'),
  ('casual', "OMG thank you sooo much, you're the best!"),
  ('neutral', 'The invoice is attached to this message.'),
 ],
 'id': [
  ('formal', 'Dengan hormat, kami informasikan bahwa pesanan Anda telah kami terima dan sedang diproses.'),
  ('casual', 'Halo kak, pesanan kamu udah dikirim ya, ditunggu aja!'),
  ('neutral', 'Pesanan Anda akan tiba dalam dua sampai tiga hari kerja.'),
  ('formal', 'Sehubungan dengan permohonan Bapak, bersama ini kami sampaikan dokumen yang diperlukan.'),
  ('casual', 'Gue udah cek, barangnya nggak ada stok, sori banget ya bro.'),
  ('neutral', 'Silakan masukkan kode verifikasi yang dikirim ke ponsel Anda.'),
  ('formal', 'Atas perhatian dan kerja sama Bapak/Ibu, kami mengucapkan terima kasih. Hormat kami, Tim Layanan Pelanggan.'),
  ('casual', 'Wkwk iya nih, lu coba lagi aja deh nanti.'),
  ('neutral', 'Pembayaran dapat dilakukan melalui transfer bank atau dompet digital.'),
  ('formal', 'Demikian pemberitahuan ini kami sampaikan. Apabila terdapat pertanyaan, Bapak/Ibu dapat menghubungi kami.'),
  ('casual', 'Makasih ya kak, ntar aku kabarin lagi kalo udah nyampe!'),
  ('neutral', 'Toko kami buka setiap hari mulai pukul sembilan pagi.'),
  ('formal', 'Kami mohon maaf atas ketidaknyamanan yang Bapak alami dan akan segera menindaklanjuti laporan tersebut.'),
  ('casual', 'Yuk checkout sekarang, diskonnya gede banget loh!'),
  ('neutral', 'Anda bisa mengubah alamat pengiriman di halaman akun.'),
 ],
 'ms': [
  ('formal', 'Tuan/Puan, dimaklumkan bahawa permohonan tuan telah diluluskan. Sekian, terima kasih.'),
  ('casual', 'Weh, barang korang dah sampai tau, check la!'),
  ('neutral', 'Pesanan anda akan dihantar dalam masa tiga hari bekerja.'),
  ('formal', 'Dengan segala hormatnya, pihak kami ingin memaklumkan bahawa bayaran tersebut telah diterima.'),
  ('casual', 'Alamak, sorry la bro, aku tak perasan mesej kau tadi.'),
  ('neutral', 'Sila log masuk semula untuk meneruskan.'),
  ('formal', 'Sebarang pertanyaan lanjut, Tuan/Puan boleh menghubungi pihak kami. Yang benar, Khidmat Pelanggan.'),
  ('casual', 'Best gila promo ni, jom beli cepat!'),
  ('neutral', 'Bayaran balik akan dikreditkan ke akaun anda.'),
  ('formal', 'Pihak kami memohon maaf atas segala kesulitan yang dialami oleh pihak Tuan.'),
  ('casual', 'Okay je, nanti aku update kau balik k.'),
  ('neutral', 'Kedai kami dibuka dari jam sembilan pagi hingga enam petang.'),
 ],
 'th': [
  ('formal', 'เรียน ท่านลูกค้า บริษัทขอแจ้งให้ทราบว่าคำขอของท่านได้รับการอนุมัติแล้ว ขอแสดงความนับถือ'),
  ('casual', 'ของมาถึงแล้วจ้า รีบมารับเลยน้า 555'),
  ('neutral', 'คำสั่งซื้อของคุณจะจัดส่งภายในสามวันทำการ'),
  ('formal', 'กรุณาชำระค่าเบี้ยประกันภายในวันที่ 30 มิถุนายน ขอบพระคุณค่ะ'),
  ('casual', 'เฮ้ย ลืมรหัสอีกแล้วอ่ะ ทำไงดีวะ'),
  ('neutral', 'คุณสามารถเปลี่ยนที่อยู่จัดส่งได้ในหน้าบัญชี'),
  ('formal', 'ทางบริษัทต้องขออภัยในความไม่สะดวกเป็นอย่างสูง และจะดำเนินการแก้ไขโดยเร็วที่สุดครับ'),
  ('casual', 'โอเคจ้า เดี๋ยวส่งให้นะ'),
  ('neutral', 'ร้านเปิดทุกวันตั้งแต่เก้าโมงเช้า'),
  ('formal', 'หากท่านมีข้อสงสัยเพิ่มเติม กรุณาติดต่อฝ่ายบริการลูกค้าค่ะ'),
  ('casual', 'ตึงมากแก โปรนี้ต้องจัดแล้วป่ะ'),
  ('neutral', 'ระบบจะส่งรหัสยืนยันไปยังโทรศัพท์ของคุณ'),
 ],
 'tl': [
  ('formal', 'Magandang araw po, Ginoong Santos. Ikinalulugod po naming ipaalam na naaprubahan na ang inyong aplikasyon.'),
  ('casual', 'Uy pare, dumating na yung order mo, kunin mo na!'),
  ('neutral', 'Darating ang order sa loob ng tatlong araw ng trabaho.'),
  ('formal', 'Maaari po ba ninyong ipadala ang mga kinakailangang dokumento? Maraming salamat po.'),
  ('casual', 'Grabe bes, ang bilis ng delivery, sana all haha!'),
  ('neutral', 'Puwede mong palitan ang address sa pahina ng account.'),
  ('formal', 'Humihingi po kami ng paumanhin sa abalang idinulot nito sa inyo.'),
  ('casual', 'Sige tol, chat mo lang ako pag may problema ha.'),
  ('neutral', 'Bukas ang tindahan mula alas-nuwebe ng umaga.'),
  ('formal', 'Opo, natanggap na po namin ang inyong bayad. Lubos po kaming nagpapasalamat.'),
  ('casual', 'Ay naku, sira na naman yung app, kainis!'),
  ('neutral', 'Ipapadala ang refund sa iyong account sa loob ng isang linggo.'),
 ],
}
import json, os
out = os.path.join(os.path.dirname(__file__), '../../data/validators')
dev, hold = [], []
for lang, items in ITEMS.items():
    for i, (label, text) in enumerate(items):
        (hold if (i // 3) % 3 == 2 else dev).append({'id': f'tone-{lang}-{i:02d}', 'language': lang, 'label': label, 'text': text})
for name, rows in (('tone-dev.jsonl', dev), ('tone-holdout.jsonl', hold)):
    with open(os.path.join(out, name), 'w') as f:
        for r in rows: f.write(json.dumps(r, ensure_ascii=False) + '\n')
print('tone dev', len(dev), 'holdout', len(hold))
