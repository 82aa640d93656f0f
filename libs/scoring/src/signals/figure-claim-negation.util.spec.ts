import { roles } from './fact-roles.spec-helpers';

// A claim holding a figure is checked for a flipped negation as a claim without one is: its
// words (the figure left out) against the passage clause whose words it all has, the
// condition's included. Cases constructed for the rule; right answers must stay unflagged.

const flipped = (text: string): string[] => [`${text.replace(/\.$/, '')}:flippedNegation`];

describe('flippedNegation of a claim holding a figure', () => {
  const refunds = [
    'Refunds are not given if the item has been used; unused items are refunded within 7 days.',
  ];

  it('flags a claim that says plainly what its clause says "not" of, the condition kept', () => {
    const leading = 'If the item has been used, refunds are given within 7 days.';
    expect(roles(refunds, leading)).toEqual(flipped(leading));
    const trailing = 'Refunds are given within 7 days if the item has been used.';
    expect(roles(refunds, trailing)).toEqual(flipped(trailing));
    const pets = ['Pets are not allowed in rooms; the pet lounge costs RM50 per night.'];
    const allowed = 'Pets are allowed in rooms for RM50 per night.';
    expect(roles(pets, allowed)).toEqual(flipped(allowed));
  });

  it('leaves right answers alone: the negated clause left out, or said another way', () => {
    expect(roles(refunds, 'Unused items are refunded within 7 days.')).toEqual([]);
    // The negation moved into the condition, or the condition turned by "unless".
    expect(
      roles(refunds, 'If the item has not been used, refunds are given within 7 days.'),
    ).toEqual([]);
    expect(
      roles(refunds, 'Refunds are given within 7 days unless the item has been used.'),
    ).toEqual([]);
    expect(roles(refunds, 'Refunds are given within 7 days if the item is unused.')).toEqual([]);
    const pets = ['Pets are not allowed in rooms; the pet lounge costs RM50 per night.'];
    expect(roles(pets, 'The pet lounge costs RM50 per night.')).toEqual([]);
    expect(roles(pets, 'Pets can stay in the pet lounge for RM50 per night.')).toEqual([]);
    expect(roles(pets, 'Pets may not stay in rooms; the lounge is RM50 per night.')).toEqual([]);
  });

  it('counts "free" as "no fee", and a figure of the clause only in the same relation', () => {
    const fees = ['No fee is charged for cancellations within 7 days; later ones cost RM20.'];
    expect(roles(fees, 'Cancellations are free of charge within 7 days.')).toEqual([]);
    expect(roles(fees, 'No fee for cancellations within 7 days, RM20 after that.')).toEqual([]);
    const charged = 'A fee is charged for cancellations within 7 days.';
    expect(roles(fees, charged)).toEqual(flipped(charged));
    // "After 7 days" is not the clause's "within 7 days": another case, not its negation.
    const late = ['Late fees are not charged within 7 days; after that, RM10 per day.'];
    expect(roles(late, 'A late fee of RM10 per day is charged after 7 days.')).toEqual([]);
  });

  it("compares a clause holding a figure only when it holds all of the claim's", () => {
    // "Not charged" is said of the first 2 hours, not of the RM3 an hour after them.
    const parking = ['Parking is not charged for the first 2 hours; after that, RM3 per hour.'];
    const rate = 'Parking is charged at RM3 per hour once the first 2 hours are used.';
    expect(roles(parking, rate)).toEqual([]);
    const charged = 'Parking is charged for the first 2 hours.';
    expect(roles(parking, charged)).toEqual(flipped(charged));
  });

  it('leaves a claim carving out an exception unjudged', () => {
    const returns = ['Returns are accepted within 30 days; sale items cannot be returned.'];
    const sale = 'Sale items can be returned within 30 days.';
    expect(roles(returns, sale)).toEqual(flipped(sale));
    const other = 'Items other than sale items can be returned within 30 days.';
    expect(roles(returns, other)).toEqual([]);
    const jualan = ['Pemulangan diterima dalam 30 hari; barang jualan tidak boleh dipulangkan.'];
    expect(roles(jualan, 'Barang jualan boleh dipulangkan dalam 30 hari.')).toEqual(
      flipped('Barang jualan boleh dipulangkan dalam 30 hari.'),
    );
    expect(roles(jualan, 'Barang selain barang jualan boleh dipulangkan dalam 30 hari.')).toEqual(
      [],
    );
  });

  it('leaves a clause with two plain negators unjudged: they may cancel', () => {
    const tax = ['The service tax cannot be waived; it is RM25 per card.'];
    expect(roles(tax, 'The service tax of RM25 applies to every card.')).toEqual([]);
  });

  it('finds the "not" of a listed item in its sentence when the list is cut', () => {
    const hotel = [
      'Late check-out until 14:00 can be requested at the front desk and costs $25.',
      'Late check-out is free for Gold members, except on Saturdays and public holidays, when it is not offered to anyone.',
    ];
    const right =
      'Late check-out costs $25, but it is not offered on Saturdays or public holidays.';
    expect(roles(hotel, right)).toEqual([]);
  });

  it('reads "without X … not" as requiring X', () => {
    const copies = [
      'Applications without a certified copy are not processed; processing takes 5 working days.',
    ];
    expect(
      roles(copies, 'Applications with a certified copy are processed in 5 working days.'),
    ).toEqual([]);
    const without = 'Applications without a certified copy are processed in 5 working days.';
    expect(roles(copies, without)).toEqual(flipped(without));
  });

  it('reads Malay tidak, belum and tiada', () => {
    const bayaran = [
      'Bayaran balik tidak diberi jika barang telah digunakan; barang yang belum digunakan dibayar balik dalam 7 hari.',
    ];
    const diberi = 'Jika barang telah digunakan, bayaran balik diberi dalam 7 hari.';
    expect(roles(bayaran, diberi)).toEqual(flipped(diberi));
    expect(roles(bayaran, 'Barang yang belum digunakan dibayar balik dalam 7 hari.')).toEqual([]);
    expect(
      roles(bayaran, 'Jika barang belum digunakan, bayaran balik diberi dalam 7 hari.'),
    ).toEqual([]);
    const kecuali = 'Bayaran balik diberi dalam 7 hari kecuali jika barang telah digunakan.';
    expect(roles(bayaran, kecuali)).toEqual([]);
    const haiwan = [
      'Haiwan peliharaan tidak dibenarkan di dalam bilik; ruang rehat haiwan berharga RM50 semalam.',
    ];
    const dibenarkan = 'Haiwan peliharaan dibenarkan di dalam bilik dengan bayaran RM50 semalam.';
    expect(roles(haiwan, dibenarkan)).toEqual(flipped(dibenarkan));
    expect(roles(haiwan, 'Ruang rehat haiwan berharga RM50 semalam.')).toEqual([]);
    const caj = ['Tiada caj dikenakan untuk pembatalan dalam 7 hari.'];
    expect(roles(caj, 'Pembatalan dalam 7 hari adalah percuma.')).toEqual([]);
  });

  it('reads Tagalog hindi and wala', () => {
    const kuwarto = ['Hindi puwede ang alagang hayop sa kuwarto; ₱500 kada gabi ang pet lounge.'];
    const puwede = 'Puwede ang alagang hayop sa kuwarto sa halagang ₱500 kada gabi.';
    expect(roles(kuwarto, puwede)).toEqual(flipped(puwede));
    expect(roles(kuwarto, '₱500 kada gabi ang pet lounge.')).toEqual([]);
    // The figure's relation is read from its relation words ("pataas", and up), not "na"/"kahit".
    const delivery = ['Libre ang delivery para sa order na ₱1,500 pataas sa Metro Manila.'];
    const bayad = 'May bayad ang delivery sa Metro Manila kahit ₱1,500 pataas ang order.';
    expect(roles(delivery, bayad)).toContain(flipped(bayad)[0]);
    expect(
      roles(delivery, 'Libre ang delivery sa Metro Manila kapag ₱1,500 pataas ang order.'),
    ).toEqual([]);
    // "Pababa" (and below) is an opposite of "pataas" (another cue), not a flipped negation.
    const pababa = 'May bayad ang delivery sa Metro Manila kapag ₱1,500 pababa ang order.';
    expect(roles(delivery, pababa).filter((r) => r.endsWith(':flippedNegation'))).toEqual([]);
    const refund = [
      'Walang refund kung nagamit na ang item; ang hindi pa nagamit ay nire-refund sa loob ng 7 araw.',
    ];
    const may = 'Kung nagamit na ang item, may refund sa loob ng 7 araw.';
    expect(roles(refund, may)).toEqual(flipped(may));
    const maliban = 'May refund sa loob ng 7 araw maliban kung nagamit na ang item.';
    expect(roles(refund, maliban)).toEqual([]);
    expect(roles(refund, 'Kung hindi pa nagamit ang item, may refund sa loob ng 7 araw.')).toEqual(
      [],
    );
  });
});
