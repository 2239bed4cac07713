#include "engine/run_state.hpp"

#include <utility>

namespace subsim {

const ProductLine* SubscriptionRun::line_for(Index product) const {
    for (const ProductLine& line : lines)
        if (line.product == product) return &line;
    return nullptr;
}

ProductLine* SubscriptionRun::line_for(Index product) {
    return const_cast<ProductLine*>(std::as_const(*this).line_for(product));
}

void set_state(ProductLine& line, Date on, State state) {
    line.state = state;
    if (line.paused && state != State::cancelled && state != State::expired) state = State::paused;
    if (!line.history.empty() && line.history.back().first == on)
        line.history.back().second = state;
    else {
        // A line changes state a few times a year: room for several at once, not 1, 2, 4, 8.
        if (line.history.capacity() == 0) line.history.reserve(8);
        line.history.emplace_back(on, state);
    }
}

}  // namespace subsim
