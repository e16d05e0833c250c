import type { Meta, StoryObj } from '@storybook/react-vite';
import HabitCard from '../components/HabitCard';

const meta: Meta<typeof HabitCard> = { component: HabitCard };
export default meta;

export const LongName: StoryObj<typeof HabitCard> = {
  args: {
    // ok: G1.D2
    habit: { id: '1', name: 'Lorem ipsum dolor sit amet consectetur adipiscing', streak: 12, done_today: false },
    onCheckIn: () => {},
  },
};
