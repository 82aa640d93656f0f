import { roles } from './fact-roles.spec-helpers';

const deposit = [
  'Ang security deposit ay ₱5,000 para sa sedan at ₱10,000 para sa SUV, at ibinabalik ito sa loob ng 7 araw.',
];
const plans = [
  'Hindi puwedeng mag-downgrade ng plan ang mga naka-lock-in sa unang 6 na buwan, pero puwedeng mag-upgrade anumang oras.',
];

describe('factRoles: figures with a thousands comma', () => {
  it('flags amounts swapped between two items ("₱10,000 … sedan" where the sedan is ₱5,000)', () => {
    expect(
      roles(deposit, '₱10,000 po ang deposit para sa sedan at ₱5,000 para sa SUV.').sort(),
    ).toEqual(['10,000:swapped', '5,000:swapped']);
  });

  it('leaves the amounts bound as the passage binds them', () => {
    expect(roles(deposit, '₱5,000 po ang deposit para sa sedan at ₱10,000 para sa SUV.')).toEqual(
      [],
    );
  });
});

describe('factRoles: a figureless claim tied between two clauses', () => {
  it('flags the pole the passage forbids where it grants the other one', () => {
    expect(roles(plans, 'Puwede kayong mag-downgrade ng plan anumang oras.')).toEqual([
      'Puwede kayong mag-downgrade ng plan anumang oras:opposite',
    ]);
  });

  it('leaves the pole the passage grants', () => {
    expect(roles(plans, 'Puwede kayong mag-upgrade ng plan anumang oras.')).toEqual([]);
  });
});

describe('factRoles: "even without X" where the passage gives the case without X', () => {
  const lockIn = [
    'Libre ang installation para sa mga bagong subscriber na pipili ng 24-month lock-in. Kung walang lock-in, may installation fee na ₱2,500.',
  ];
  const stillFree = [
    'Libre ang installation para sa Plan 1499. Kung walang lock-in, libre pa rin ang installation.',
  ];
  const answer =
    'Libre po ang installation ng Plan 1499 para sa mga bagong subscriber, kahit walang lock-in.';

  it('flags a claim said to hold without X where the case without X lacks its pole', () => {
    expect(roles(lockIn, answer)).toEqual(['kahit walang lock-in:opposite']);
  });

  it('leaves it where the case without X keeps the pole', () => {
    expect(roles(stillFree, answer)).toEqual([]);
  });

  it('leaves the claim without "even"', () => {
    expect(roles(lockIn, 'Libre po ang installation sa 24-month lock-in.')).toEqual([]);
  });
});
